using System.Security.Cryptography;
using System.Text;
using Shouldly;
using TagCenter.Core.Activation;

namespace TagCenter.Core.Tests.Activation;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Sign_MatchesAnIndependentHmac()
    {
        const string body = "{\"person\":\"P1\",\"金额\":3100}";
        // What a receiver does: HMAC-SHA256 with the shared secret over "<t>.<body>", hex.
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("s3cret"));
        var expected = string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes("1763611200." + body)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

        WebhookSignature.Sign("s3cret", 1763611200, body).ShouldBe("t=1763611200,v1=" + expected);
    }

    [Fact]
    public void Verify_TamperedBodyOrSecret_False()
    {
        var header = WebhookSignature.Sign("k", 100, "body");

        WebhookSignature.Verify("k", header, "body").ShouldBeTrue();
        WebhookSignature.Verify("k", header, "body!").ShouldBeFalse();
        WebhookSignature.Verify("other", header, "body").ShouldBeFalse();
    }
}
