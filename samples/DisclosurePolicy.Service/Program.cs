using DisclosurePolicy.Service;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddDisclosurePolicyService();

WebApplication app = builder.Build();
app.MapDisclosurePolicyService();
app.Run();

/// <summary>The service's entry point; public so that tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
