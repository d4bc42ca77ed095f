using Qilu.Catalog.Contracts;
using Qilu.Catalog.Search;
using Qilu.Web.Localization;

namespace Qilu.Catalog.UI;

/// <summary>Display labels of the catalog vocabularies, in the UI language.</summary>
internal static class CatalogLabels
{
    public static string Grade(DataGrade g) => ShellText.Pick(GradePolicy.Label(g), g.ToString());

    public static string Share(ShareType s) => ShellText.Pick(GradePolicy.ShareLabel(s), s.ToString());

    public static string Open(OpenType o) => ShellText.Pick(GradePolicy.OpenLabel(o), o.ToString());

    public static string Format(ResourceFormat f) => ShellText.Pick(DatabaseCatalogSearch.FormatLabel(f), f.ToString());

    public static string Category(CatalogCategory c) => c switch
    {
        CatalogCategory.Basic => ShellText.Pick("基础", "Basic"),
        CatalogCategory.Theme => ShellText.Pick("主题", "Theme"),
        _ => ShellText.Pick("部门", "Department"),
    };

    public static string Method(ShareMethod m) => m switch
    {
        ShareMethod.Api => ShellText.Pick("接口", "API"),
        ShareMethod.File => ShellText.Pick("文件", "File"),
        _ => ShellText.Pick("核验", "Verification"),
    };

    public static string Status(EntryStatus s) => s switch
    {
        EntryStatus.Draft => ShellText.Pick("草稿", "Draft"),
        EntryStatus.Submitted => ShellText.Pick("待审核", "Submitted"),
        EntryStatus.Rejected => ShellText.Pick("已驳回", "Rejected"),
        EntryStatus.Published => ShellText.Pick("已发布", "Published"),
        EntryStatus.Superseded => ShellText.Pick("已替代", "Superseded"),
        _ => ShellText.Pick("已下线", "Withdrawn"),
    };

    public static string Masking(MaskingRule m) => m switch
    {
        MaskingRule.None => ShellText.Pick("不脱敏", "None"),
        MaskingRule.Partial => ShellText.Pick("部分脱敏", "Partial"),
        _ => ShellText.Pick("屏蔽", "Withheld"),
    };

    /// <summary>CSS modifier by severity, for the grade tag.</summary>
    public static string GradeClass(DataGrade g) => g switch
    {
        DataGrade.Core or DataGrade.Important => "catalog-grade-high",
        DataGrade.L4 or DataGrade.L3 => "catalog-grade-mid",
        _ => "catalog-grade-low",
    };
}
