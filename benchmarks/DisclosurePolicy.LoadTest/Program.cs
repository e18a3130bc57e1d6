using DisclosurePolicy.LoadTest;

// Loopback only, bounded in time: hosts the service on 127.0.0.1, drives it for --duration seconds, stops by itself.
LoadOptions? options = LoadOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

return await LoadRun.RunAsync(options, Console.Out);
