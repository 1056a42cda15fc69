using System.Xml.Linq;

namespace Intake.Api.Twilio;

/// <summary>TwiML answers to a Twilio messaging webhook: a reply in the same exchange, or none.</summary>
internal static class TwiML
{
    public const string ContentType = "text/xml";

    /// <summary>&lt;Response&gt;&lt;Message&gt;text&lt;/Message&gt;&lt;/Response&gt;, the text XML-escaped; an empty &lt;Response/&gt; when there is none.</summary>
    public static IResult Reply(string? message)
    {
        var response = new XElement("Response");
        if (!string.IsNullOrEmpty(message))
            response.Add(new XElement("Message", message));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), response);
        return TypedResults.Text(document.Declaration + document.ToString(SaveOptions.DisableFormatting), ContentType);
    }

    public static IResult Empty() => Reply(null);
}
