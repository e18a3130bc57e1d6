using System.Text;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// Turns a valid document into a nearly-valid or hostile one: one to three mutations of its structure (members dropped,
/// repeated, reordered, renamed, values of the wrong type, huge numbers, lone surrogates, long strings, deep nesting,
/// comma-joined or misspelt enum names, odd dates and codes, arrays emptied or blown up, parts of other documents spliced
/// in) and sometimes of its text (characters inserted or deleted, spans repeated, truncation, a byte order mark, bytes
/// spoiled in UTF-8).
/// </summary>
internal sealed class Mutator
{
    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "123456789012345678901234567890", "-9223372036854775809", "2147483648", "-2147483649",
        "0.0000000000000000000000000000001", "1E+308", "-0", "1.0", "0e0", "99999999999999999999.5",
    ];

    private static readonly string[] OtherValues =
    [
        "null", "true", "false", "0", "1", "-1", "1.5", "\"\"", "\" \"", "\"null\"", "\"true\"", "[]", "{}", "[null]", "[[]]",
        "{\"\":null}", "\"\\u0000\"", "\"\\n\"", "\"\\u001b[31m\"", "\"=HYPERLINK(\\\"x\\\")\"",
    ];

    private static readonly string[] LoneSurrogates = ["\\ud800", "\\udfff", "\\udbff", "\\udc00", "\\ud800\\ud800", "\\udc00\\ud800"];

    private static readonly string[] OddStrings =
    [
        "0001-01-01", "9999-12-31", "-9998-01-01", "2025-02-30", "2025-2-1", "2025-02-10T00:00:00Z", "20250210", "2024-02-29",
        "2025-02-12T09:30:00+01:00", "2025-02-12T09:30:00", "2025-02-12T24:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "fr", "FRA", "F", "EU", "XX", "ZZ", "UK", "el", "GR", " FR", "FR\u00a0", "1", "0", "-1", "Unspecified", "None",
        "sha256:", "sha256:zz", "V9", "v2", "\\u0041", "\\t", "\u0130",
    ];

    private static readonly char[] Interesting =
    [
        '"', '\\', ',', ':', '{', '}', '[', ']', '\0', '\u001f', '\u007f', '\ufeff', '\u2028', '\ufffd', ' ', '\n', '\r', '\t',
        'e', 'E', '-', '+', '.', '0', '9', '/', '*', 'n', 't', 'f', '\u00e9', '\u0130',
    ];

    private readonly Random _random;
    private readonly IReadOnlyList<JsonTree> _seeds;
    private readonly string[] _words;

    public Mutator(Random random, IReadOnlyList<JsonTree> seeds)
    {
        _random = random;
        _seeds = seeds;

        // The enum names and other string values the valid documents use, for comma-joined and misspelt names.
        _words = [.. seeds.SelectMany(s => s.Nodes())
            .Select(n => (n.Node as JsonTree.Raw)?.StringBody)
            .OfType<string>()
            .Where(w => w.Length is > 0 and < 40 && !w.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Makes one input from a seed, recording the mutations applied.</summary>
    public string Mutate(JsonTree seed, List<Mutation> applied)
    {
        JsonTree tree = seed.Clone();
        int structural = _random.Next(4) switch { 0 => 0, 1 or 2 => 1, _ => 2 + _random.Next(2) };
        for (int i = 0; i < structural; i++)
        {
            tree = MutateTree(tree, applied);
        }

        string text = tree.ToString();
        int textual = structural == 0 ? 1 + _random.Next(2) : (_random.Next(3) == 0 ? 1 : 0);
        for (int i = 0; i < textual; i++)
        {
            text = MutateText(text, applied);
        }

        return text;
    }

    /// <summary>Spoils the text of a document (or a line of a file).</summary>
    public string MutateText(string text, List<Mutation> applied)
    {
        int at = _random.Next(text.Length + 1);
        switch (_random.Next(9))
        {
            case 0:
            case 1:
                applied.Add(Mutation.InsertCharacter);
                return text.Insert(at, Interesting[_random.Next(Interesting.Length)].ToString());
            case 2:
                applied.Add(Mutation.DeleteSpan);
                return text.Remove(at, Math.Min(text.Length - at, 1 + _random.Next(_random.Next(2) == 0 ? 2 : 40)));
            case 3:
                applied.Add(Mutation.DuplicateSpan);
                return text.Insert(at, text.Substring(at, Math.Min(text.Length - at, 1 + _random.Next(60))));
            case 4:
                applied.Add(Mutation.Truncate);
                return text[..at];
            case 5:
                applied.Add(Mutation.ByteOrderMark);
                return _random.Next(3) == 0 ? text.Insert(at, "\ufeff") : "\ufeff" + text;
            case 6:
                applied.Add(Mutation.LoneSurrogateCharacter);
                return text.Insert(at, _random.Next(2) == 0 ? "\ud800" : "\udc00");
            case 7:
                applied.Add(Mutation.Comment);
                return text.Insert(at, _random.Next(3) switch { 0 => "/* c */", 1 => "//c\n", _ => "/*" });
            default:
                applied.Add(Mutation.MutateUtf8Bytes);
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                if (bytes.Length > 0)
                {
                    int b = _random.Next(bytes.Length);
                    bytes[b] = _random.Next(2) == 0 ? (byte)(bytes[b] ^ (1 << _random.Next(8))) : (byte)_random.Next(256);
                }

                return _random.Next(2) == 0 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        }
    }

    private JsonTree MutateTree(JsonTree tree, List<Mutation> applied)
    {
        List<(JsonTree Node, JsonTree? Parent)> nodes = [.. tree.Nodes()];
        (JsonTree node, JsonTree? parent) = nodes[_random.Next(nodes.Count)];
        JsonTree.Object? obj = node as JsonTree.Object ?? parent as JsonTree.Object;
        switch (_random.Next(17))
        {
            case 0 when obj is { Members.Count: > 0 }:
                applied.Add(Mutation.DropMember);
                obj.Members.RemoveAt(_random.Next(obj.Members.Count));
                return tree;
            case 1 when obj is { Members.Count: > 0 }:
                applied.Add(Mutation.DuplicateMember);
                JsonTree.Member copy = obj.Members[_random.Next(obj.Members.Count)].Clone();
                obj.Members.Insert(_random.Next(obj.Members.Count + 1), copy);
                return tree;
            case 2 when obj is { Members.Count: > 0 }:
                applied.Add(Mutation.DuplicateMemberOtherValue);
                JsonTree.Member other = obj.Members[_random.Next(obj.Members.Count)].Clone();
                other.Value = SomeValue(other.Value);
                obj.Members.Insert(_random.Next(obj.Members.Count + 1), other);
                return tree;
            case 3 when obj is { Members.Count: > 1 }:
                applied.Add(Mutation.ReorderMembers);
                JsonTree.Member[] shuffled = [.. obj.Members];
                _random.Shuffle(shuffled);
                obj.Members.Clear();
                obj.Members.AddRange(shuffled);
                return tree;
            case 4 when obj is { Members.Count: > 0 }:
                applied.Add(Mutation.RenameMember);
                JsonTree.Member renamed = obj.Members[_random.Next(obj.Members.Count)];
                renamed.Name = _random.Next(6) switch
                {
                    0 when renamed.Name.Length > 0 => char.ToUpperInvariant(renamed.Name[0]) + renamed.Name[1..],
                    1 => renamed.Name + " ",
                    2 => renamed.Name + "\\ud800",
                    3 => string.Empty,
                    4 => _words[_random.Next(_words.Length)],
                    _ => renamed.Name.Length > 0 ? renamed.Name[..^1] : "x",
                };
                return tree;
            case 5:
                applied.Add(Mutation.ChangeType);
                return Replace(tree, node, parent, new JsonTree.Raw(OtherValues[_random.Next(OtherValues.Length)]));
            case 6:
                applied.Add(Mutation.HugeNumber);
                return Replace(tree, node, parent, new JsonTree.Raw(HugeNumbers[_random.Next(HugeNumbers.Length)]));
            case 7:
                applied.Add(Mutation.LoneSurrogateEscape);
                string body = (node as JsonTree.Raw)?.StringBody ?? "x";
                int at = _random.Next(body.Length + 1);
                while (at > 0 && at < body.Length && body[at - 1] == '\\')
                {
                    at--;
                }

                return Replace(tree, node, parent, new JsonTree.Raw($"\"{body[..at]}{LoneSurrogates[_random.Next(LoneSurrogates.Length)]}{body[at..]}\""));
            case 8:
                applied.Add(Mutation.LongString);
                string unit = (node as JsonTree.Raw)?.StringBody is { Length: > 0 } s ? s : "x";
                int length = _random.Next(10) == 0 ? 200_000 : 5_000;
                var longText = new StringBuilder(length + unit.Length);
                while (longText.Length < length)
                {
                    longText.Append(unit);
                }

                return Replace(tree, node, parent, new JsonTree.Raw($"\"{longText}\""));
            case 9:
                applied.Add(Mutation.DeepNesting);
                int depth = _random.Next(10) switch { 0 or 1 or 2 => 62 + _random.Next(4), 3 or 4 => 1_000, 5 => 100_000, _ => _random.Next(70) };
                string open = _random.Next(2) == 0 ? "[" : "{\"a\":";
                string close = open == "[" ? "]" : "}";
                var nested = new StringBuilder();
                nested.Insert(0, open, depth).Append('1').Insert(nested.Length, close, _random.Next(5) == 0 ? Math.Max(0, depth - 1) : depth);
                return Replace(tree, node, parent, new JsonTree.Raw(nested.ToString()));
            case 10 when node is JsonTree.Raw { StringBody: not null } text:
                applied.Add(Mutation.CommaJoinedNames);
                string word = _words[_random.Next(_words.Length)];
                text.Source = _random.Next(4) switch
                {
                    0 => $"\"{text.StringBody}, {word}\"",
                    1 => $"\"{word},{text.StringBody}\"",
                    2 => $"\"{text.StringBody}|{word}\"",
                    _ => $"\"{text.StringBody}{word}\"",
                };
                return tree;
            case 11 when node is JsonTree.Raw { StringBody: not null } text:
                applied.Add(Mutation.SpacedOrCasedName);
                string name = text.StringBody!;
                text.Source = _random.Next(6) switch
                {
                    0 => $"\"{name} \"",
                    1 => $"\" {name}\"",
                    2 => $"\"{name.ToLowerInvariant()}\"",
                    3 => $"\"{name.ToUpperInvariant()}\"",
                    4 => $"\"{name}\\u0000\"",
                    _ => $"\"{name}\\t\"",
                };
                return tree;
            case 12:
                applied.Add(Mutation.OddDateOrCode);
                return Replace(tree, node, parent, new JsonTree.Raw($"\"{OddStrings[_random.Next(OddStrings.Length)]}\""));
            case 13 when node is JsonTree.Array array:
                applied.Add(Mutation.EmptyOrHugeArray);
                if (array.Items.Count == 0 || _random.Next(3) == 0)
                {
                    array.Items.Clear();
                }
                else
                {
                    JsonTree item = array.Items[_random.Next(array.Items.Count)];

                    // At most about 2 million characters of copies: a long string copied 2,000 times would make an input of
                    // gigabytes, which tests the machine's memory rather than the reader.
                    int most = Math.Max(1, 2_000_000 / Math.Max(1, item.ToString().Length));
                    int copies = Math.Min(most, _random.Next(3) == 0 ? 2 : _random.Next(_random.Next(10) == 0 ? 2_000 : 100));
                    array.Items.AddRange(Enumerable.Range(0, copies).Select(_ => item.Clone()));
                }

                return tree;
            case 14:
                applied.Add(Mutation.WrapOrUnwrap);
                JsonTree wrapped = node is JsonTree.Array { Items.Count: > 0 } unwrap && _random.Next(2) == 0
                    ? unwrap.Items[0]
                    : new JsonTree.Array([node.Clone()]);
                return Replace(tree, node, parent, wrapped);
            case 15:
                applied.Add(Mutation.Splice);
                List<(JsonTree Node, JsonTree? Parent)> donor = [.. _seeds[_random.Next(_seeds.Count)].Nodes()];
                return Replace(tree, node, parent, donor[_random.Next(donor.Count)].Node.Clone());
            default:
                applied.Add(Mutation.ChangeType);
                return Replace(tree, node, parent, SomeValue(node));
        }
    }

    // A value of another kind than the one it replaces, or a value taken from another document.
    private JsonTree.Raw SomeValue(JsonTree current) => _random.Next(3) switch
    {
        0 => new JsonTree.Raw(OtherValues[_random.Next(OtherValues.Length)]),
        1 => new JsonTree.Raw($"\"{_words[_random.Next(_words.Length)]}\""),
        _ => current is JsonTree.Raw { StringBody: null } ? new JsonTree.Raw("\"" + ((JsonTree.Raw)current).Source + "\"") : new JsonTree.Raw("true"),
    };

    private static JsonTree Replace(JsonTree tree, JsonTree node, JsonTree? parent, JsonTree replacement)
    {
        switch (parent)
        {
            case null:
                return replacement;
            case JsonTree.Object o:
                foreach (JsonTree.Member member in o.Members.Where(m => ReferenceEquals(m.Value, node)))
                {
                    member.Value = replacement;
                }

                return tree;
            case JsonTree.Array a:
                int index = a.Items.FindIndex(i => ReferenceEquals(i, node));
                a.Items[index] = replacement;
                return tree;
            default:
                return tree;
        }
    }
}
