using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.Identity.Accounts;

/// <summary>Blind-index purposes for the account table's protected columns (separate keys per column).</summary>
internal static class AccountFields
{
    public const string IdNumberPurpose = "identity.accounts.id_number";
    public const string PhonePurpose = "identity.accounts.phone";

    /// <summary>
    /// Writes personal identifiers the only allowed way: SM4 ciphertext, blind index for look-up, masked copy for
    /// display. Nothing else in the module touches those columns.
    /// </summary>
    internal sealed class Protection(IFieldProtector protector)
    {
        public void SetIdNumber(Account account, IdNumber id)
        {
            account.IdNumberProtected = protector.Protect(id.ToString());
            account.IdNumberIndex = protector.BlindIndex(id.ToString(), IdNumberPurpose);
            account.IdNumberMasked = id.Masked();
        }

        public void SetPhone(Account account, PhoneNumber phone)
        {
            account.PhoneProtected = protector.Protect(phone.ToString());
            account.PhoneIndex = protector.BlindIndex(phone.ToString(), PhonePurpose);
            account.PhoneMasked = phone.Masked();
        }

        public string IdIndex(IdNumber id) => protector.BlindIndex(id.ToString(), IdNumberPurpose);
    }
}
