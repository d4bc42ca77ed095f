using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Sharing.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SubscriptionDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "State",
                schema: "sharing",
                table: "subscriptions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                schema: "sharing",
                table: "subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            // Active = false becomes Cancelled (2). Every other subscription with a callback is looked at once by the
            // delivery loop, so changes a failed push left behind are sent without waiting for the next import.
            migrationBuilder.Sql("""UPDATE sharing.subscriptions SET "State" = 2 WHERE NOT "Active";""");
            migrationBuilder.Sql("""UPDATE sharing.subscriptions SET "NextAttemptAt" = now() WHERE "Active" AND "CallbackUrl" IS NOT NULL;""");

            migrationBuilder.DropColumn(
                name: "Active",
                schema: "sharing",
                table: "subscriptions");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                schema: "sharing",
                table: "subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StateChangedAt",
                schema: "sharing",
                table: "subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StateReason",
                schema: "sharing",
                table: "subscriptions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                schema: "sharing",
                table: "subscriptions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_State_NextAttemptAt",
                schema: "sharing",
                table: "subscriptions",
                columns: new[] { "State", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_subscriptions_State_NextAttemptAt",
                schema: "sharing",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                schema: "sharing",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                schema: "sharing",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "State",
                schema: "sharing",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "StateChangedAt",
                schema: "sharing",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "StateReason",
                schema: "sharing",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "sharing",
                table: "subscriptions");

            migrationBuilder.AddColumn<bool>(
                name: "Active",
                schema: "sharing",
                table: "subscriptions",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }
    }
}
