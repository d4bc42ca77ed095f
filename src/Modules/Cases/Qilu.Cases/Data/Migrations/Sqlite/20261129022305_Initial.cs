using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_case_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_case_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MatterCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BundleCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ApplicantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UnitKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UnitDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    UnitCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkflowKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FormJson = table.Column<string>(type: "TEXT", nullable: false),
                    MaterialsJson = table.Column<string>(type: "TEXT", nullable: false),
                    SourcesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentGiven = table.Column<bool>(type: "INTEGER", nullable: false),
                    FieldsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldsPrefilled = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialsExempted = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CorrectionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LicenceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LicencePublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    InstanceVersion = table.Column<uint>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_inbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "cases_library_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MaterialName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    UsedByCases = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_library_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BundleCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BundleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TriggerEvent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TriggerEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrefillJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_outbox",
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
                    table.PrimaryKey("PK_cases_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MatterCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MatterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_ratings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RatingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CallbackNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Appeal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AppealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_rectifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_entries_CaseId_At",
                table: "cases_case_entries",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_ApplicantId_IdempotencyKey",
                table: "cases_cases",
                columns: new[] { "ApplicantId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_ApplicantId_SubmittedAt",
                table: "cases_cases",
                columns: new[] { "ApplicantId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_InstanceId",
                table: "cases_cases",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_Number",
                table: "cases_cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_ParentId",
                table: "cases_cases",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_UnitDivision_Status_DueAt",
                table: "cases_cases",
                columns: new[] { "UnitDivision", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_UnitId_Status",
                table: "cases_cases",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_library_files_OwnerId_UploadedAt",
                table: "cases_library_files",
                columns: new[] { "OwnerId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_offers_RecipientId_Status",
                table: "cases_offers",
                columns: new[] { "RecipientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_offers_TriggerEventId_RecipientId_BundleCode",
                table: "cases_offers",
                columns: new[] { "TriggerEventId", "RecipientId", "BundleCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_outbox_DispatchedAt_NextAttemptAt",
                table: "cases_outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ratings_CaseId",
                table: "cases_ratings",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_ratings_DivisionCode",
                table: "cases_ratings",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_cases_rectifications_RatingId",
                table: "cases_rectifications",
                column: "RatingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_rectifications_UnitId_Status",
                table: "cases_rectifications",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_case_entries");

            migrationBuilder.DropTable(
                name: "cases_cases");

            migrationBuilder.DropTable(
                name: "cases_inbox");

            migrationBuilder.DropTable(
                name: "cases_library_files");

            migrationBuilder.DropTable(
                name: "cases_offers");

            migrationBuilder.DropTable(
                name: "cases_outbox");

            migrationBuilder.DropTable(
                name: "cases_ratings");

            migrationBuilder.DropTable(
                name: "cases_rectifications");
        }
    }
}
