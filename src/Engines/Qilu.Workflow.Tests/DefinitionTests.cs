using System.Text.Json.Nodes;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Definitions;
using Shouldly;

namespace Qilu.Workflow.Tests;

public sealed class DefinitionTests
{
    private static IReadOnlyList<Error> Errors(string json)
    {
        var r = DefinitionParser.Parse(json);
        r.IsSuccess.ShouldBeFalse();
        return r.Errors;
    }

    private static string Mutate(string json, Action<JsonObject> change)
    {
        var doc = JsonNode.Parse(json)!.AsObject();
        change(doc);
        return doc.ToJsonString();
    }

    [Fact]
    public void Parse_ValidDefinitions_Succeed()
    {
        foreach (var json in new[] { Defs.Licence, Defs.Parallel, Defs.Matter, Defs.Bundle, Defs.ProcessLimit })
            DefinitionParser.Parse(json).IsSuccess.ShouldBeTrue(json[..40]);
    }

    [Fact]
    public void Parse_WhenJsonIsMalformed_ReportsTheLine()
    {
        var e = Errors("{\n \"key\": \"x\",\n \"nodes\": [ oops ]\n}").Single();
        e.Code.ShouldBe("workflow.definition.json");
        e.Field.ShouldBe("$");
        e.MessageEn.ShouldContain("line 3");
    }

    [Fact]
    public void Parse_WhenUserTaskLacksRole_NamesTheJsonPath()
    {
        var json = Mutate(Defs.Licence, d => d["nodes"]![3]!["assignment"]!.AsObject().Remove("role"));
        Errors(json).ShouldContain(e => e.Field == "$.nodes[3].assignment.role" && e.Code == "workflow.definition.required");
    }

    [Fact]
    public void Parse_WhenNodeTypeIsUnknown_NamesTheNodeAndLists()
    {
        var json = Mutate(Defs.Parallel, d => d["nodes"]![2]!["type"] = "humanTask");
        var e = Errors(json).First(x => x.Code == "workflow.definition.node_type");
        e.Field.ShouldBe("$.nodes[2].type");
        e.MessageEn.ShouldContain("userTask");
    }

    [Fact]
    public void Parse_WhenFlowPointsNowhere_NamesTheFlowEnd()
    {
        var json = Mutate(Defs.Parallel, d => d["flows"]![4]!["to"] = "joinn");
        Errors(json).ShouldContain(e => e.Field == "$.flows[4].to" && e.Code == "workflow.definition.unknown_node");
    }

    [Fact]
    public void Parse_WhenGatewayFlowHasNoCondition_NamesTheFlow()
    {
        var json = Mutate(Defs.Licence, d => d["flows"]![3]!.AsObject().Remove("condition"));
        Errors(json).ShouldContain(e => e.Field == "$.flows[3].condition" && e.Code == "workflow.definition.condition_missing");
    }

    [Fact]
    public void Parse_WhenAConditionIsNotAValidRule_NamesThePathInsideTheRule()
    {
        var json = Mutate(Defs.Licence, d => d["flows"]![3]!["condition"] = JsonNode.Parse("""{ "and": [ { "==": [1, 1] }, { "nosuchop": [1] } ] }"""));

        Errors(json).ShouldContain(e => e.Field != null && e.Field.StartsWith("$.flows[3].condition.and[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenAnAssignmentRuleIsMalformed_NamesTheAssignmentPart()
    {
        var json = Mutate(Defs.Licence, d => d["nodes"]![1]!["assignment"]!["division"] = JsonNode.Parse("""{ "var": [ "applicant.division", "x", "y" ] }"""));

        Errors(json).ShouldContain(e => e.Field != null && e.Field.StartsWith("$.nodes[1].assignment.division", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenTimeLimitIsInconsistent_NamesEachMember()
    {
        var json = Mutate(Defs.Licence, d => d["nodes"]![1]!["timeLimit"] = JsonNode.Parse("""{ "workingDays": 0, "hours": 4, "warnings": { "yellow": 0.9, "red": 0.7 }, "escalation": { "to": "county" } }"""));
        var errors = Errors(json);
        errors.ShouldContain(e => e.Field == "$.nodes[1].timeLimit.workingDays");
        errors.ShouldContain(e => e.Field == "$.nodes[1].timeLimit.warnings.red" && e.Code == "workflow.definition.warning_order");
        errors.ShouldContain(e => e.Field == "$.nodes[1].timeLimit.escalation.to");
    }

    [Fact]
    public void Parse_WhenNodeIsUnreachableOrDeadEnd_SaysWhich()
    {
        var json = Mutate(Defs.Parallel, d =>
        {
            d["nodes"]!.AsArray().Add(JsonNode.Parse("""{ "id": "orphan", "type": "serviceTask", "topic": "t" }"""));
        });
        var errors = Errors(json);
        errors.ShouldContain(e => e.Field == "$.nodes[7]" && e.Code == "workflow.definition.dead_end");
        errors.ShouldContain(e => e.Field == "$.nodes[7]" && e.Code == "workflow.definition.unreachable");
    }

    [Fact]
    public void Parse_WhenIdsRepeatAndKeyIsBad_ReportsBoth()
    {
        var json = Mutate(Defs.Parallel, d =>
        {
            d["key"] = "Bad Key";
            d["nodes"]![3]!["id"] = "police";
        });
        var errors = Errors(json);
        errors.ShouldContain(e => e.Field == "$.key");
        errors.ShouldContain(e => e.Field == "$.nodes[3].id" && e.Code == "workflow.definition.duplicate_id");
    }

    [Fact]
    public async Task Deploy_WhenCalledElementIsNotDeployed_IsRejectedWithPath()
    {
        await using var host = await EngineHost.StartAsync();
        var r = await host.Api.DeployAsync(Defs.Bundle, Actors.Admin);
        r.IsSuccess.ShouldBeFalse();
        r.Kind.ShouldBe(ErrorKind.Validation);
        r.Error.Field.ShouldBe("$.nodes[1].calledElement");
        (await host.Api.ListDefinitionsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deploy_NewVersion_LeavesRunningInstancesOnTheirVersion()
    {
        await using var host = await EngineHost.StartAsync();
        const string v1 = """
        { "key": "versioned", "nodes": [ { "id": "start", "type": "start" },
            { "id": "a", "type": "userTask", "assignment": { "division": "370102", "role": "acceptor" } }, { "id": "end", "type": "end" } ],
          "flows": [ { "from": "start", "to": "a" }, { "from": "a", "to": "end" } ] }
        """;
        var v2 = v1.Replace("""{ "from": "a", "to": "end" }""", """{ "from": "a", "to": "b" }, { "from": "b", "to": "end" }""")
            .Replace("""{ "id": "end", "type": "end" }""", """{ "id": "b", "type": "userTask", "assignment": { "division": "370102", "role": "acceptor" } }, { "id": "end", "type": "end" }""");
        await host.DeployAsync(v1);
        var old = await host.StartCaseAsync("versioned", "V-1");
        (await host.Api.DeployAsync(v2, Actors.Admin)).Value.Version.ShouldBe(2);
        (await host.Api.DeployAsync(v2, Actors.Admin)).Value.Version.ShouldBe(2, "an unchanged document is not a new version");
        var fresh = await host.StartCaseAsync("versioned", "V-2");
        old.DefinitionVersion.ShouldBe(1);
        fresh.DefinitionVersion.ShouldBe(2);

        var clerk = Actors.Clerk;
        (await host.Api.CompleteAsync((await host.OnlyTaskAsync(old.Id)).Id, new(), clerk)).IsSuccess.ShouldBeTrue();
        (await host.Api.GetInstanceAsync(old.Id)).Value.State.ShouldBe(InstanceState.Completed);
        (await host.Api.CompleteAsync((await host.OnlyTaskAsync(fresh.Id)).Id, new(), clerk)).IsSuccess.ShouldBeTrue();
        var after = (await host.Api.GetInstanceAsync(fresh.Id)).Value;
        after.State.ShouldBe(InstanceState.Running);
        after.ActiveNodes.ShouldBe(["b"]);
        (await host.Api.ListDefinitionsAsync("versioned")).Select(d => d.Version).ShouldBe([2, 1]);
    }
}
