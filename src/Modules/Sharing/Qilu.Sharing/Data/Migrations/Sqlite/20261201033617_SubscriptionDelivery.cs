using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Sharing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubscriptionDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "sharing_subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "sharing_subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "State",
                table: "sharing_subscriptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "StateChangedAt",
                table: "sharing_subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StateReason",
                table: "sharing_subscriptions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "Version",
                table: "sharing_subscriptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0u);

            // Active = 0 becomes Cancelled (2). Every other subscription with a callback is looked at once by the delivery
            // loop (0 is the earliest stored time), so changes a failed push left behind are sent without waiting for the
            // next import.
            migrationBuilder.Sql("UPDATE sharing_subscriptions SET State = 2 WHERE Active = 0;");
            migrationBuilder.Sql("UPDATE sharing_subscriptions SET NextAttemptAt = 0 WHERE Active <> 0 AND CallbackUrl IS NOT NULL;");

            // SQLite's own DROP COLUMN (3.35+; the column has no index or constraint) rather than EF Core's table rebuild,
            // which cannot run inside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE sharing_subscriptions DROP COLUMN Active;");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_subscriptions_State_NextAttemptAt",
                table: "sharing_subscriptions",
                columns: new[] { "State", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sharing_subscriptions_State_NextAttemptAt",
                table: "sharing_subscriptions");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "sharing_subscriptions");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "sharing_subscriptions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "sharing_subscriptions");

            migrationBuilder.DropColumn(
                name: "StateChangedAt",
                table: "sharing_subscriptions");

            migrationBuilder.DropColumn(
                name: "StateReason",
                table: "sharing_subscriptions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "sharing_subscriptions");

            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "sharing_subscriptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
        }
    }
}
