using System.Text;
using System.Text.Json;

namespace DisclosurePolicy.Fuzz;

/// <summary>
/// A JSON document as a tree that, unlike <see cref="System.Text.Json.Nodes.JsonNode"/>, can hold what a hostile writer
/// produces: repeated member names, members in any order, and any text in place of a value.
/// </summary>
internal abstract class JsonTree
{
    public static JsonTree Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return From(document.RootElement);
    }

    public abstract JsonTree Clone();

    public abstract void Write(StringBuilder text);

    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    /// <summary>Every node of the tree, this one first, each with the node holding it (null for the root).</summary>
    public IEnumerable<(JsonTree Node, JsonTree? Parent)> Nodes()
    {
        var pending = new Stack<(JsonTree, JsonTree?)>();
        pending.Push((this, null));
        while (pending.Count > 0)
        {
            (JsonTree node, JsonTree? parent) = pending.Pop();
            yield return (node, parent);
            IEnumerable<JsonTree> children = node switch
            {
                Object o => o.Members.Select(m => m.Value),
                Array a => a.Items,
                _ => [],
            };
            foreach (JsonTree child in children)
            {
                pending.Push((child, node));
            }
        }
    }

    private static JsonTree From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new Object([.. element.EnumerateObject().Select(p => new Member(p.Name, From(p.Value)))]),
        JsonValueKind.Array => new Array([.. element.EnumerateArray().Select(From)]),
        _ => new Raw(element.GetRawText()),
    };

    public sealed class Member(string name, JsonTree value)
    {
        /// <summary>Gets or sets the name as JSON source text between the quotes (escapes allowed).</summary>
        public string Name { get; set; } = JsonEncodedText.Encode(name).ToString();

        public JsonTree Value { get; set; } = value;

        public Member Clone() => new(string.Empty, Value.Clone()) { Name = Name };
    }

    public sealed class Object(List<Member> members) : JsonTree
    {
        public List<Member> Members { get; } = members;

        public override JsonTree Clone() => new Object([.. Members.Select(m => m.Clone())]);

        public override void Write(StringBuilder text)
        {
            text.Append('{');
            for (int i = 0; i < Members.Count; i++)
            {
                text.Append(i == 0 ? "\"" : ",\"").Append(Members[i].Name).Append("\":");
                Members[i].Value.Write(text);
            }

            text.Append('}');
        }
    }

    public sealed class Array(List<JsonTree> items) : JsonTree
    {
        public List<JsonTree> Items { get; } = items;

        public override JsonTree Clone() => new Array([.. Items.Select(i => i.Clone())]);

        public override void Write(StringBuilder text)
        {
            text.Append('[');
            for (int i = 0; i < Items.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                Items[i].Write(text);
            }

            text.Append(']');
        }
    }

    /// <summary>A value as source text: a scalar as read, or anything a mutation puts there.</summary>
    public sealed class Raw(string source) : JsonTree
    {
        public string Source { get; set; } = source;

        /// <summary>Gets the text of a string value without its quotes (escapes kept), or null for other values.</summary>
        public string? StringBody => Source.Length >= 2 && Source[0] == '"' && Source[^1] == '"' ? Source[1..^1] : null;

        public override JsonTree Clone() => new Raw(Source);

        public override void Write(StringBuilder text) => text.Append(Source);
    }
}
