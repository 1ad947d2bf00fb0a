using System.Net.Http.Headers;
using System.Text;

namespace SearchEngine.Web.Tests;

/// <summary>A <c>POST /api/documents</c> of one file as the multipart field <c>file</c>; the caller adds the API key when the test needs it.</summary>
internal static class UploadRequest
{
    public static HttpRequestMessage Create(string name, string text, string? replaces = null) => Create(name, Encoding.UTF8.GetBytes(text), replaces);

    public static HttpRequestMessage Create(string name, byte[] bytes, string? replaces = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        string query = replaces is null ? "" : "?replaces=" + Uri.EscapeDataString(replaces);
        return new HttpRequestMessage(HttpMethod.Post, "/api/documents" + query) { Content = form };
    }
}
