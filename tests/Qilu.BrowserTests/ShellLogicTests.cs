using Qilu.Platform.Modules;
using Qilu.SharedKernel.Actors;
using Qilu.Web;
using Qilu.Web.Components.Shared;
using Qilu.Web.Navigation;
using Shouldly;

namespace Qilu.BrowserTests;

/// <summary>The shell's pure logic, checked without a browser.</summary>
public sealed class ShellLogicTests
{
    [Theory]
    [InlineData("", ShellFace.Portal)]
    [InlineData("portal/matters", ShellFace.Portal)]
    [InlineData("workbench", ShellFace.Workbench)]
    [InlineData("/workbench/tasks?x=1", ShellFace.Workbench)]
    [InlineData("admin/users", ShellFace.Admin)]
    [InlineData("administration", ShellFace.Portal)]
    [InlineData("workbenches", ShellFace.Portal)]
    public void FaceOf_WhenGivenPath_ChoosesFaceBySegmentPrefix(string path, ShellFace expected) =>
        ShellFaces.FaceOf(path).ShouldBe(expected);

    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/workbench?a=1", "/workbench?a=1")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    public void SafeLocalPath_WhenGivenRedirect_FollowsOnlySiteRelativePaths(string? input, string expected) =>
        ShellEndpoints.SafeLocalPath(input).ShouldBe(expected);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(7, 10)]
    [InlineData(12, 20)]
    [InlineData(21, 25)]
    [InlineData(250, 250)]
    [InlineData(251, 500)]
    [InlineData(0.03, 0.05)]
    public void NiceCeiling_WhenGivenMax_ReturnsRoundTopAtLeastMax(double max, double expected) =>
        ChartScale.NiceCeiling(max).ShouldBe(expected, 1e-9);

    [Fact]
    public void ShellMenu_WhenActorLacksPermission_HidesEntry()
    {
        var menu = new ShellMenu([
            new MenuEntry(ShellFace.Admin, "/admin/users", "用户管理", "Users", "team", "identity.users.read", 10, "组织与用户", "Organisation"),
            new MenuEntry(ShellFace.Admin, "/admin/about", "关于", "About", "info-circle", null, 90),
            new MenuEntry(ShellFace.Portal, "/portal/personal", "个人办事", "Personal", "user"),
        ]);
        var clerk = Official("hotline.tickets.read");
        var admin = Official("identity.users.read");

        menu.For(ShellFace.Admin, clerk).Select(e => e.Href).ShouldBe(["/admin/about"]);
        menu.For(ShellFace.Admin, admin).Select(e => e.Href).ShouldBe(["/admin/users", "/admin/about"]);
        menu.For(ShellFace.Admin, Actor.Anonymous).ShouldBeEmpty();
        menu.For(ShellFace.Portal, Actor.Anonymous).Count.ShouldBe(1);
        var groups = menu.Grouped(ShellFace.Admin, admin);
        groups.Select(g => g.TitleZh).ShouldBe([null, "组织与用户"]);
    }

    private static Actor Official(params string[] permissions) =>
        new(ActorKind.Official, "u1", "王科员", "370102", null, new HashSet<string>(), new HashSet<string>(permissions), RealNameLevel.Basic);
}
