using System.Security.Cryptography;
using System.Text;

namespace SearchEngine.Web.Alerts;

/// <summary>
/// How a delivery is signed, as Stripe and GitHub sign theirs: <c>X-SearchEngine-Signature: sha256=HEX</c>, the
/// HMAC-SHA256 of <c>TIMESTAMP.BODY</c> under the saved search's secret, with the timestamp (Unix seconds) in
/// <c>X-SearchEngine-Timestamp</c>, so a receiver can refuse a replayed or altered delivery.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-SearchEngine-Signature";
    public const string TimestampHeader = "X-SearchEngine-Timestamp";
    public const string DeliveryHeader = "X-SearchEngine-Delivery";
    public const string EventHeader = "X-SearchEngine-Event";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>True when <paramref name="signature"/> is this body's under the secret (compared in constant time).</summary>
    public static bool Verify(string secret, long timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
