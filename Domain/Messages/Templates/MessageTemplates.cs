using System.Collections.Frozen;
using System.Reflection;
using System.Globalization;
using System.Text.RegularExpressions;
using Intake.Domain.Practices;

namespace Intake.Domain.Messages.Templates;

/// <summary>
/// The words of every message, kept as files in this folder (one per kind and channel, embedded in the assembly)
/// and read once. A template holds <c>{name}</c> placeholders and optional sections: <c>[[if:name]]...[[end]]</c>
/// is kept only when the value is present (not null or empty), <c>[[ifnot:name]]...[[end]]</c> only when it is
/// absent; sections do not nest. An email template's first line is <c>Subject: ...</c>, then a blank line, then
/// the body. A placeholder or section naming a value the caller did not give, a stray <c>[[</c>, or a missing
/// template throws: the tests render every template, so a typo fails there and not in production.
/// </summary>
internal static partial class MessageTemplates
{
    private const string ResourcePrefix = "Templates/";
    private const string SubjectPrefix = "Subject: ";

    private static readonly Lazy<FrozenDictionary<string, string>> All = new(Load);

    /// <summary>Every template's name, as "confirmed.sms" (its file name without ".txt").</summary>
    public static IReadOnlyCollection<string> Names => All.Value.Keys;

    /// <summary>The values every template may use: {practice}, {phone} and {minutes}, then the message's own.</summary>
    public static IReadOnlyDictionary<string, string?> Values(PracticeOptions practice, params (string Name, string? Value)[] more)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["practice"] = practice.Name,
            ["phone"] = practice.Phone,
            ["minutes"] = practice.ConsultationMinutes.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in more)
            values[name] = value;
        return values;
    }

    /// <summary>Renders a text (or a line) template.</summary>
    public static string Text(string name, IReadOnlyDictionary<string, string?> values) =>
        Render(name, Source(name), values);

    /// <summary>Renders an email template into its subject and body.</summary>
    public static (string Subject, string Body) Email(string name, IReadOnlyDictionary<string, string?> values)
    {
        var source = Source(name);
        var split = source.IndexOf("\n\n", StringComparison.Ordinal);
        if (!source.StartsWith(SubjectPrefix, StringComparison.Ordinal) || split < 0)
            throw new InvalidOperationException($"Message template \"{name}\" must start with \"{SubjectPrefix}...\" and a blank line.");
        return (Render(name, source[SubjectPrefix.Length..split], values), Render(name, source[(split + 2)..], values));
    }

    private static string Source(string name) =>
        All.Value.TryGetValue(name, out var source)
            ? source
            : throw new InvalidOperationException($"No message template \"{name}\" (Messages/Templates/{name}.txt).");

    private static string Render(string name, string source, IReadOnlyDictionary<string, string?> values)
    {
        var sectioned = Section().Replace(source, match =>
        {
            var present = !string.IsNullOrEmpty(Value(name, match.Groups["name"].Value, values));
            return present == (match.Groups["kind"].Value == "if") ? match.Groups["body"].Value : string.Empty;
        });
        if (sectioned.Contains("[[", StringComparison.Ordinal))
            throw new InvalidOperationException($"Message template \"{name}\" has a malformed or nested section.");
        return Placeholder().Replace(sectioned, match => Value(name, match.Groups["name"].Value, values) ?? string.Empty);
    }

    private static string? Value(string template, string name, IReadOnlyDictionary<string, string?> values) =>
        values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Message template \"{template}\" uses \"{name}\", which it is not given.");

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(MessageTemplates).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".txt", StringComparison.Ordinal))
            .ToFrozenDictionary(
                resource => resource[ResourcePrefix.Length..^".txt".Length],
                resource => Read(assembly, resource),
                StringComparer.Ordinal);
    }

    /// <summary>The file's text with line ends as "\n" and without the file's final line end.</summary>
    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    [GeneratedRegex(@"\[\[(?<kind>if|ifnot):(?<name>[a-z]+)\]\](?<body>.*?)\[\[end\]\]", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Section();

    [GeneratedRegex(@"\{(?<name>[a-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
