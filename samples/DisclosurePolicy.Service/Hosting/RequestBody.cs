using System.Text;

namespace DisclosurePolicy.Service.Hosting;

/// <summary>Reads a request body as UTF-8 text, never more than the configured limit.</summary>
/// <remarks><para>Kestrel enforces the same limit on the connection; reading against it here too keeps the limit under
/// any server (the test host included) and for chunked bodies that carry no length.</para></remarks>
internal static class RequestBody
{
    /// <summary>Returns the body, or <see langword="null"/> when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
