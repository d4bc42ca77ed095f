using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Hotline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hotline_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_inbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "hotline_open311_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revoked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_open311_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_ticket_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_ticket_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_tickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    CallerNameProtected = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CallerPhoneProtected = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CallerPhoneIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CallerNameMasked = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CallerPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    Confidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    SuggestedCategory = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    SuggestedConfidence = table.Column<double>(type: "REAL", nullable: true),
                    SuggestionModel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeadUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeadUnitDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CoUnitIds = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CoUnitNames = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EvidenceJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    CallbackNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedDirectly = table.Column<bool>(type: "INTEGER", nullable: false),
                    AutoClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExtensionUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExtensionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalatedTo = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    SupervisionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_tickets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_open311_keys_KeyHash",
                table: "hotline_open311_keys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hotline_outbox_DispatchedAt_NextAttemptAt",
                table: "hotline_outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_ticket_entries_TicketId_At",
                table: "hotline_ticket_entries",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_CategoryCode_CreatedAt",
                table: "hotline_tickets",
                columns: new[] { "CategoryCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_CitizenId_CreatedAt",
                table: "hotline_tickets",
                columns: new[] { "CitizenId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_CreatedAt",
                table: "hotline_tickets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_DivisionCode_Status_CreatedAt",
                table: "hotline_tickets",
                columns: new[] { "DivisionCode", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_LeadUnitId_Status",
                table: "hotline_tickets",
                columns: new[] { "LeadUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_Number",
                table: "hotline_tickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_Status_DueAt",
                table: "hotline_tickets",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_Status_ReviewedAt",
                table: "hotline_tickets",
                columns: new[] { "Status", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_Status_SignDueAt",
                table: "hotline_tickets",
                columns: new[] { "Status", "SignDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_Token",
                table: "hotline_tickets",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotline_inbox");

            migrationBuilder.DropTable(
                name: "hotline_open311_keys");

            migrationBuilder.DropTable(
                name: "hotline_outbox");

            migrationBuilder.DropTable(
                name: "hotline_ticket_entries");

            migrationBuilder.DropTable(
                name: "hotline_tickets");
        }
    }
}
