using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qilu.Hotline.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "hotline");

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "hotline",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "open311_keys",
                schema: "hotline",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Revoked = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "hotline",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<long>(type: "bigint", nullable: false),
                    Delivered = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    DispatchedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticket_entries",
                schema: "hotline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Public = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                schema: "hotline",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    CallerNameProtected = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CallerPhoneProtected = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CallerPhoneIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CallerNameMasked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CallerPhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CitizenId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    CategoryCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    Confidential = table.Column<bool>(type: "boolean", nullable: false),
                    SuggestedCategory = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    SuggestedConfidence = table.Column<double>(type: "double precision", nullable: true),
                    SuggestionModel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeadUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeadUnitDivision = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CoUnitIds = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CoUnitNames = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DispatchedAt = table.Column<long>(type: "bigint", nullable: true),
                    SignDueAt = table.Column<long>(type: "bigint", nullable: true),
                    SignedAt = table.Column<long>(type: "bigint", nullable: true),
                    DueAt = table.Column<long>(type: "bigint", nullable: true),
                    RepliedAt = table.Column<long>(type: "bigint", nullable: true),
                    Reply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EvidenceJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReviewedAt = table.Column<long>(type: "bigint", nullable: true),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    CallbackNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedDirectly = table.Column<bool>(type: "boolean", nullable: false),
                    AutoClosed = table.Column<bool>(type: "boolean", nullable: false),
                    OnTime = table.Column<bool>(type: "boolean", nullable: false),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExtensionUntil = table.Column<long>(type: "bigint", nullable: true),
                    ExtensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExtensionCount = table.Column<int>(type: "integer", nullable: false),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    EscalatedTo = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    SupervisionCount = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tickets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_open311_keys_KeyHash",
                schema: "hotline",
                table: "open311_keys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DispatchedAt_NextAttemptAt",
                schema: "hotline",
                table: "outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ticket_entries_TicketId_At",
                schema: "hotline",
                table: "ticket_entries",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_CategoryCode_CreatedAt",
                schema: "hotline",
                table: "tickets",
                columns: new[] { "CategoryCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_CitizenId_CreatedAt",
                schema: "hotline",
                table: "tickets",
                columns: new[] { "CitizenId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_CreatedAt",
                schema: "hotline",
                table: "tickets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_DivisionCode_Status_CreatedAt",
                schema: "hotline",
                table: "tickets",
                columns: new[] { "DivisionCode", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_LeadUnitId_Status",
                schema: "hotline",
                table: "tickets",
                columns: new[] { "LeadUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Number",
                schema: "hotline",
                table: "tickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Status_DueAt",
                schema: "hotline",
                table: "tickets",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Status_ReviewedAt",
                schema: "hotline",
                table: "tickets",
                columns: new[] { "Status", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Status_SignDueAt",
                schema: "hotline",
                table: "tickets",
                columns: new[] { "Status", "SignDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Token",
                schema: "hotline",
                table: "tickets",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox",
                schema: "hotline");

            migrationBuilder.DropTable(
                name: "open311_keys",
                schema: "hotline");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "hotline");

            migrationBuilder.DropTable(
                name: "ticket_entries",
                schema: "hotline");

            migrationBuilder.DropTable(
                name: "tickets",
                schema: "hotline");
        }
    }
}
