using Microsoft.Extensions.Logging;
using Qilu.Host.Operations;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests.Operations;

public sealed class RedactingLoggerTests
{
    private static (ILoggerFactory Factory, LogSink Sink) Create()
    {
        var sink = new LogSink();
        var inner = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(sink));
        return (new RedactingLoggerFactory(inner), sink);
    }

    [Fact]
    public void Log_WhenTemplateValuesHoldPersonalData_MasksMessageAndValuesButKeepsTemplate()
    {
        var (factory, sink) = Create();
        using var _ = factory;
        var logger = factory.CreateLogger("Cases");

        logger.LogInformation("Applicant {IdNumber} called from {Phone} about case {CaseNo}", "370102199003071234", 13812345678L, 42);

        var entry = sink.Entries.Single();
        entry.Message.ShouldBe("Applicant 3701**********1234 called from 138****5678 about case 42");
        entry.Values.Single(v => v.Key == "{OriginalFormat}").Value.ShouldBe("Applicant {IdNumber} called from {Phone} about case {CaseNo}");
        entry.Values.Single(v => v.Key == "Phone").Value.ShouldBe("138****5678");
        // Values without personal data keep their type for structured sinks.
        entry.Values.Single(v => v.Key == "CaseNo").Value.ShouldBe(42);
    }

    [Fact]
    public void Log_WhenExceptionTextHoldsPersonalData_MasksTheExceptionText()
    {
        var (factory, sink) = Create();
        using var _ = factory;
        var logger = factory.CreateLogger("Cases");

        logger.LogError(new FormatException("bad id 370102199003071234"), "Import failed");

        var entry = sink.Entries.Single();
        var text = entry.Exception.ShouldNotBeNull();
        text.ShouldContain("bad id 3701**********1234");
        text.ShouldContain(typeof(FormatException).FullName!);
        text.ShouldNotContain("370102199003071234");
    }

    [Fact]
    public void BeginScope_WhenScopeHoldsPersonalData_MasksStringAndStructuredScopes()
    {
        var (factory, sink) = Create();
        using var _ = factory;
        var logger = factory.CreateLogger("Cases");

        using (logger.BeginScope("caller 13812345678"))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Applicant"] = "370102199003071234" }))
            logger.LogInformation("Working");

        var scopes = string.Join("|", sink.Entries.Single().Scopes);
        scopes.ShouldContain("caller 138****5678");
        scopes.ShouldContain("Applicant=3701**********1234");
        scopes.ShouldNotContain("13812345678");
        scopes.ShouldNotContain("370102199003071234");
    }

    [Fact]
    public void BeginScope_IsMaskedWhenAnEntryReadsIt_NotBefore()
    {
        var (factory, sink) = Create();
        using var _ = factory;
        var logger = factory.CreateLogger("Cases");
        var state = new CountingScope("RequestPath", "/api/sharing/gateway/key/370102199003071234");

        using (logger.BeginScope(state))
        {
            // The host begins a scope on every request; one that writes nothing should not pay for masking it.
            state.Reads.ShouldBe(0);
            logger.LogInformation("Working");
        }

        state.Reads.ShouldBeGreaterThan(0);
        var scopes = string.Join("|", sink.Entries.Single().Scopes);
        scopes.ShouldContain("3701**********1234");
        scopes.ShouldNotContain("370102199003071234");
    }

    private sealed class CountingScope(string key, string value) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public KeyValuePair<string, object?> this[int index] => index == 0 ? Read() : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return Read();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString()
        {
            Interlocked.Increment(ref _reads);
            return $"{key}:{value}";
        }

        private KeyValuePair<string, object?> Read()
        {
            Interlocked.Increment(ref _reads);
            return new(key, value);
        }
    }

    [Fact]
    public void Log_WhenLevelIsDisabled_DoesNotFormat()
    {
        var (factory, sink) = Create();
        using var _ = factory;
        var logger = factory.CreateLogger("Cases");
        var formatted = false;

        logger.Log(LogLevel.Trace, default, "state", null, (s, _) => { formatted = true; return s; });

        formatted.ShouldBeFalse();
        sink.Entries.ShouldBeEmpty();
    }
}
