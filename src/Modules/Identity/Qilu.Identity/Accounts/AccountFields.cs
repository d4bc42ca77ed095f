namespace Qilu.Identity.Accounts;

/// <summary>Blind-index purposes for the account table's protected columns (separate keys per column).</summary>
internal static class AccountFields
{
    public const string IdNumberPurpose = "identity.accounts.id_number";
    public const string PhonePurpose = "identity.accounts.phone";
}
