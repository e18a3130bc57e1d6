using System.Data.Common;
using DisclosurePolicy.Records.JsonLines;
using DisclosurePolicy.Records.PostgreSql;
using DisclosurePolicy.Records.Sqlite;
using DisclosurePolicy.Reporting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DisclosurePolicy.Cli;

/// <summary>
/// The store a command's records argument names: a PostgreSQL connection string (anything with <c>=</c>, such as
/// <c>Host=db;Database=records;Username=app</c>), a JSON Lines file (<c>.jsonl</c>), or otherwise a SQLite database
/// file (<c>.db</c>, the embedded default). Opening logs every reason it cannot be used, naming the store without its
/// password, and returns <see langword="null"/>.
/// </summary>
internal sealed class RecordStore : IDisposable
{
    private readonly IDisposable? _owned;

    private RecordStore(string name, string noun, IDecisionRecorder recorder, IDisposable? owned)
    {
        Name = name;
        Noun = noun;
        Recorder = recorder;
        _owned = owned;
    }

    public enum Kind
    {
        Sqlite,
        JsonLines,
        PostgreSql,
    }

    /// <summary>Gets the store in words: the path as given, or the PostgreSQL database and host.</summary>
    public string Name { get; }

    /// <summary>Gets what the store is, for messages: <c>file</c> or <c>database</c>.</summary>
    public string Noun { get; }

    public IDecisionRecorder Recorder { get; }

    public const string Description = "a SQLite database file (.db, the embedded default), a JSON Lines file (.jsonl) or a PostgreSQL connection string (Host=...;Database=...)";

    public static Kind KindOf(string target) =>
        target.Contains('=', StringComparison.Ordinal) ? Kind.PostgreSql
        : target.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? Kind.JsonLines
        : Kind.Sqlite;

    /// <summary>Opens a store to append to, creating a file store when missing.</summary>
    public static RecordStore? OpenForWriting(string target, ProblemLog problems, bool mustExist = false)
    {
        switch (KindOf(target))
        {
            case Kind.JsonLines:
                if (mustExist && !Exists(target, problems))
                {
                    return null;
                }

                JsonLinesDecisionRecorder? file = RecordFile.Open(target, problems);
                return file is null ? null : new RecordStore(target, "file", file, file);
            default:
                return OpenDatabase(target, problems, mustExist, write: true);
        }
    }

    /// <summary>Opens a store to read from: a JSON Lines file is read whole without taking its writer's lock.</summary>
    public static RecordStore? OpenForReading(string target, ProblemLog problems)
    {
        if (KindOf(target) != Kind.JsonLines)
        {
            return OpenDatabase(target, problems, mustExist: true, write: false);
        }

        RecordFileContents? contents = RecordFile.Read(target, problems);
        if (contents is null)
        {
            return null;
        }

        var memory = new InMemoryDecisionRecorder();
        Awaited.Result(memory.ImportAsync(contents.Histories.ToAsyncEnumerable()));
        return new RecordStore(target, "file", memory, null);
    }

    public void Dispose() => _owned?.Dispose();

    private static bool Exists(string target, ProblemLog problems)
    {
        if (File.Exists(target))
        {
            return true;
        }

        problems.Add(target, "no such file; record the request's decision first with: disclosure record <file> --to " + target);
        return false;
    }

    // Npgsql's own messages end in "(Parameter '...')" and would quote a password; this names the keyword at fault and
    // never a value.
    private static string? ConnectionStringProblem(string target)
    {
        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = target;
        }
        catch (ArgumentException)
        {
            return "not a list of Keyword=value pairs separated by semicolons, such as Host=db;Database=records;Username=app";
        }

        var npgsql = new NpgsqlConnectionStringBuilder();
        foreach (string key in pairs.Keys.Cast<string>())
        {
            try
            {
                npgsql[key] = pairs[key];
            }
            catch (ArgumentException)
            {
                return npgsql.ContainsKey(key)
                    ? $"the value of '{key}' is not valid for it (for example, Port takes a number)"
                    : $"'{key}' is not a PostgreSQL connection string keyword; common ones: Host, Port, Database, Username, Password";
            }
        }

        return null;
    }

    private static RecordStore? OpenDatabase(string target, ProblemLog problems, bool mustExist, bool write)
    {
        bool postgreSql = KindOf(target) == Kind.PostgreSql;
        string name = target;
        if (!postgreSql)
        {
            if (string.IsNullOrWhiteSpace(target))
            {
                problems.Add("the store", $"is blank; expected {Description}");
                return null;
            }

            if (target == "-")
            {
                problems.Add(target, "a record file must be a file, not standard input or output");
                return null;
            }

            if (Directory.Exists(target))
            {
                problems.Add(target, $"is not a record store; expected {Description}");
                return null;
            }

            if (mustExist && !Exists(target, problems))
            {
                return null;
            }

            // SQLite opens a database it may only read without complaint and refuses the first write, half-way through a run.
            if (write && File.Exists(target) && !FileOwnership.MayWrite(target))
            {
                problems.Add(target, FileOwnership.Denied(target, write: true, "-wal", "-shm"));
                return null;
            }

            string? folder = Path.GetDirectoryName(Path.GetFullPath(target));
            if (folder is not null && !Directory.Exists(folder))
            {
                problems.Add(target, $"the folder {folder} does not exist");
                return null;
            }
        }

        if (postgreSql && ConnectionStringProblem(target) is string problem)
        {
            problems.Add("the PostgreSQL connection string", problem);
            return null;
        }

        IDisposable? recorder = null;
        try
        {
            if (postgreSql)
            {
                var database = new PostgreSqlDecisionRecorder(target);
                recorder = database;
                name = database.Database;
                Awaited.Result(database.CountAsync());
                return new RecordStore(name, "database", database, database);
            }

            var file = new SqliteDecisionRecorder(target);
            recorder = file;
            Awaited.Result(file.CountAsync());
            return new RecordStore(name, "file", file, file);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or SqliteException or NpgsqlException or IOException or UnauthorizedAccessException)
        {
            recorder?.Dispose();
            problems.Add(name, ex switch
            {
                // Read-only (8) or cannot open (14): the database, its -wal and -shm files, or its folder is not this user's.
                SqliteException { SqliteErrorCode: 8 or 14 } or UnauthorizedAccessException when !postgreSql => FileOwnership.Denied(target, write: true, "-wal", "-shm"),
                SqliteException or NpgsqlException => $"cannot be opened: {ex.Message}",
                _ => ex.Message,
            });
            return null;
        }
    }
}
