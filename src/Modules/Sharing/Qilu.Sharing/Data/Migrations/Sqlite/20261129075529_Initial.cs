using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Sharing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sharing_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConsumerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsumerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConsumerDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ApplicantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProviderDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ShareType = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CallsPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RowScope = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderLevels = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsumerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsumerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConsumerDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProviderDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Masking = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RowScope = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    DailyQuota = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalQuota = table.Column<long>(type: "INTEGER", nullable: true),
                    RatePerSecond = table.Column<int>(type: "INTEGER", nullable: false),
                    Grassroots = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_inbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "sharing_metering",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConsumerUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsumerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConsumerDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProviderDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EntryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Fields = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<double>(type: "REAL", nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_metering", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Division = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProviderKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_needs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_quota_counters",
                columns: table => new
                {
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Used = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_quota_counters", x => new { x.GrantId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "sharing_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsumerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CallbackUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeliveredSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastDeliveryAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastDeliveryStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_application_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeciderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeciderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_application_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_application_steps_sharing_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "sharing_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sharing_need_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EntryCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PlannedBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_need_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_need_answers_sharing_needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "sharing_needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_application_steps_ApplicationId",
                table: "sharing_application_steps",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_applications_ConsumerUnitId",
                table: "sharing_applications",
                column: "ConsumerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_applications_Number",
                table: "sharing_applications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_applications_ProviderUnitId",
                table: "sharing_applications",
                column: "ProviderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_applications_Status_DueAt",
                table: "sharing_applications",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_grants_ConsumerUnitId",
                table: "sharing_grants",
                column: "ConsumerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_grants_EntryId",
                table: "sharing_grants",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_grants_ProviderUnitId",
                table: "sharing_grants",
                column: "ProviderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_metering_At",
                table: "sharing_metering",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_metering_GrantId_At",
                table: "sharing_metering",
                columns: new[] { "GrantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_need_answers_NeedId",
                table: "sharing_need_answers",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_need_answers_ProviderUnitId",
                table: "sharing_need_answers",
                column: "ProviderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_needs_UnitId",
                table: "sharing_needs",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_subscriptions_GrantId",
                table: "sharing_subscriptions",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_subscriptions_ResourceId",
                table: "sharing_subscriptions",
                column: "ResourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sharing_application_steps");

            migrationBuilder.DropTable(
                name: "sharing_grants");

            migrationBuilder.DropTable(
                name: "sharing_inbox");

            migrationBuilder.DropTable(
                name: "sharing_metering");

            migrationBuilder.DropTable(
                name: "sharing_need_answers");

            migrationBuilder.DropTable(
                name: "sharing_quota_counters");

            migrationBuilder.DropTable(
                name: "sharing_subscriptions");

            migrationBuilder.DropTable(
                name: "sharing_applications");

            migrationBuilder.DropTable(
                name: "sharing_needs");
        }
    }
}
