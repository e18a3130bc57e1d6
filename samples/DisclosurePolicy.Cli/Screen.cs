using Spectre.Console;

namespace DisclosurePolicy.Cli;

/// <summary>
/// The output as Spectre.Console sees it: colour and box drawing on an interactive terminal; plain text with ASCII tables
/// and no ANSI codes otherwise, so redirected output and captured output stay readable.
/// </summary>
internal sealed class Screen
{
    /// <summary>The width used when the output is not a terminal, wide enough for the version table without wrapping.</summary>
    private const int PlainWidth = 200;

    private readonly TextWriter _writer;

    private Screen(IAnsiConsole console, TextWriter writer, bool isTerminal)
    {
        Console = console;
        _writer = writer;
        IsTerminal = isTerminal;
    }

    public IAnsiConsole Console { get; }

    public bool IsTerminal { get; }

    public static Screen For(CliEnvironment environment)
    {
        var settings = new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Output),
            Ansi = environment.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = environment.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        };
        IAnsiConsole console = AnsiConsole.Create(settings);
        if (!environment.IsTerminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return new Screen(console, environment.Output, environment.IsTerminal);
    }

    /// <summary>Writes a section heading, underlined.</summary>
    public void Heading(string text)
    {
        Line();
        Line(text, "bold");
        Line(new string('=', text.Length), "bold");
        Line();
    }

    /// <summary>Writes text as it is: no markup, no wrapping.</summary>
    public void Text(string text) => _writer.Write(text);

    /// <summary>Writes a line as it is: no markup, no wrapping.</summary>
    public void Line(string text = "") => _writer.WriteLine(text);

    /// <summary>Writes a line in a style on a terminal; as it is otherwise.</summary>
    public void Line(string text, string style)
    {
        if (IsTerminal)
        {
            Console.MarkupLine($"[{style}]{Markup.Escape(text)}[/]");
        }
        else
        {
            _writer.WriteLine(text);
        }
    }

    /// <summary>A new table, with box drawing on a terminal and ASCII otherwise.</summary>
    public Table Table() => new Table().Border(IsTerminal ? TableBorder.Rounded : TableBorder.Ascii);
}
