using System.Text.Json.Nodes;

namespace Qilu.Workflow.Contracts;

/// <summary>What an official decided on a task.</summary>
/// <param name="Outcome">Outcome matching an outgoing flow's <c>outcome</c> (approve, reject …), or null.</param>
/// <param name="Variables">Variables merged (shallowly) into the instance's variables.</param>
/// <param name="Comment">Opinion (办理意见), kept in the timeline.</param>
public sealed record TaskCompletion(string? Outcome = null, JsonObject? Variables = null, string? Comment = null);
