namespace Qilu.SharedKernel.Identifiers;

/// <summary>性别, with the numeric values of GB/T 2261.1-2003 (人的性别代码) so they can be stored and exchanged as is.</summary>
public enum Gender
{
    /// <summary>0 未知的性别.</summary>
    Unknown = 0,
    /// <summary>1 男性.</summary>
    Male = 1,
    /// <summary>2 女性.</summary>
    Female = 2,
    /// <summary>9 未说明的性别.</summary>
    Unspecified = 9,
}
