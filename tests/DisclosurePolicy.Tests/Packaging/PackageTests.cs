using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace DisclosurePolicy.Tests.Packaging;

/// <summary>Packs the library as CI ships it and checks what a host receives.</summary>
public class PackageTests
{
    [Fact]
    public void Pack_Library_HoldsReadmeChangelogDocsAndMetadata()
    {
        string root = RepositoryRoot();
        string output = Directory.CreateTempSubdirectory("dp-pack-").FullName;
        try
        {
            string configuration = typeof(PackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            (int exit, string log) = Run(root, "pack", "src/DisclosurePolicy", "-c", configuration, "--no-build", "-o", output);
            Assert.True(exit == 0, log);

            string package = Assert.Single(Directory.GetFiles(output, "DisclosurePolicy.*.nupkg"), f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
            Assert.Single(Directory.GetFiles(output, "DisclosurePolicy.*.snupkg"));
            using ZipArchive zip = ZipFile.OpenRead(package);
            string[] entries = [.. zip.Entries.Select(e => e.FullName)];
            Assert.Contains("README.md", entries);
            Assert.Contains("CHANGELOG.md", entries);
            Assert.Contains("lib/net10.0/DisclosurePolicy.dll", entries);
            Assert.Contains("lib/net10.0/DisclosurePolicy.xml", entries);
            Assert.Contains("rules/telegram-privacy-8.3.json", entries);

            using Stream nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Meta(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal("DisclosurePolicy", Meta("id"));
            Assert.Equal("README.md", Meta("readme"));
            Assert.Equal("MIT", Meta("license"));
            Assert.Contains("clause 8.3", Meta("description"));
            string dependencies = metadata.Elements().Single(e => e.Name.LocalName == "dependencies").ToString();
            Assert.Contains("NodaTime", dependencies);
            Assert.Contains("Microsoft.Extensions.Options", dependencies);

            using var docs = new StreamReader(zip.GetEntry("lib/net10.0/DisclosurePolicy.xml")!.Open());
            Assert.Contains("M:DisclosurePolicy.Evaluation.DisclosureEngine.Evaluate(DisclosurePolicy.Requests.LegalRequest)", docs.ReadToEnd());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Pack_TestKit_HoldsItsOwnReadmeTheBuiltInSuiteAndNoTestFramework()
    {
        string root = RepositoryRoot();
        string output = Directory.CreateTempSubdirectory("dp-pack-").FullName;
        try
        {
            string configuration = typeof(PackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            (int exit, string log) = Run(root, "pack", "src/DisclosurePolicy.Testing", "-c", configuration, "--no-build", "-o", output);
            Assert.True(exit == 0, log);

            string package = Assert.Single(Directory.GetFiles(output, "DisclosurePolicy.Testing.*.nupkg"), f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
            Assert.Single(Directory.GetFiles(output, "DisclosurePolicy.Testing.*.snupkg"));
            using ZipArchive zip = ZipFile.OpenRead(package);
            string[] entries = [.. zip.Entries.Select(e => e.FullName)];
            Assert.Contains("README.md", entries);
            Assert.Contains("CHANGELOG.md", entries);
            Assert.Contains("lib/net10.0/DisclosurePolicy.Testing.dll", entries);
            Assert.Contains("lib/net10.0/DisclosurePolicy.Testing.xml", entries);
            Assert.Contains("cases/telegram-privacy-8.3.cases.json", entries);
            using (var readme = new StreamReader(zip.GetEntry("README.md")!.Open()))
            {
                Assert.StartsWith("# DisclosurePolicy.Testing", readme.ReadToEnd(), StringComparison.Ordinal);
            }

            using Stream nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Meta(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal("DisclosurePolicy.Testing", Meta("id"));
            Assert.Equal("README.md", Meta("readme"));
            Assert.Equal("MIT", Meta("license"));
            string dependencies = metadata.Elements().Single(e => e.Name.LocalName == "dependencies").ToString();
            Assert.Contains("id=\"DisclosurePolicy\"", dependencies);
            Assert.Contains("id=\"FsCheck\"", dependencies);
            Assert.DoesNotContain("xunit", dependencies, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("nunit", dependencies, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("MSTest", dependencies, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DisclosurePolicy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with DisclosurePolicy.sln) was not found above the test output.");
    }

    private static (int Exit, string Log) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
