using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qilu.Cases.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "cases");

            migrationBuilder.CreateTable(
                name: "case_entries",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    MatterCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BundleCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ApplicantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UnitKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UnitDivision = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    UnitCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    WorkflowKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    MaterialsJson = table.Column<string>(type: "text", nullable: false),
                    SourcesJson = table.Column<string>(type: "text", nullable: false),
                    ConsentGiven = table.Column<bool>(type: "boolean", nullable: false),
                    FieldsTotal = table.Column<int>(type: "integer", nullable: false),
                    FieldsPrefilled = table.Column<int>(type: "integer", nullable: false),
                    MaterialsTotal = table.Column<int>(type: "integer", nullable: false),
                    MaterialsExempted = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CorrectionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LicenceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LicencePublished = table.Column<bool>(type: "boolean", nullable: false),
                    InstanceVersion = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "cases",
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
                name: "library_files",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MaterialName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<long>(type: "bigint", nullable: false),
                    ValidUntil = table.Column<long>(type: "bigint", nullable: true),
                    UsedByCases = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BundleCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BundleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RecipientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TriggerEvent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TriggerEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrefillJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "cases",
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
                name: "ratings",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<long>(type: "bigint", nullable: false),
                    MatterCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MatterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ratings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rectifications",
                schema: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RatingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: true),
                    Reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CallbackNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RepliedAt = table.Column<long>(type: "bigint", nullable: true),
                    Appeal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AppealedAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_entries_CaseId_At",
                schema: "cases",
                table: "case_entries",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ApplicantId_IdempotencyKey",
                schema: "cases",
                table: "cases",
                columns: new[] { "ApplicantId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_ApplicantId_SubmittedAt",
                schema: "cases",
                table: "cases",
                columns: new[] { "ApplicantId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_InstanceId",
                schema: "cases",
                table: "cases",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Number",
                schema: "cases",
                table: "cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_ParentId",
                schema: "cases",
                table: "cases",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_UnitDivision_Status_DueAt",
                schema: "cases",
                table: "cases",
                columns: new[] { "UnitDivision", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_UnitId_Status",
                schema: "cases",
                table: "cases",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_library_files_OwnerId_UploadedAt",
                schema: "cases",
                table: "library_files",
                columns: new[] { "OwnerId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_offers_RecipientId_Status",
                schema: "cases",
                table: "offers",
                columns: new[] { "RecipientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_offers_TriggerEventId_RecipientId_BundleCode",
                schema: "cases",
                table: "offers",
                columns: new[] { "TriggerEventId", "RecipientId", "BundleCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DispatchedAt_NextAttemptAt",
                schema: "cases",
                table: "outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_CaseId",
                schema: "cases",
                table: "ratings",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ratings_DivisionCode",
                schema: "cases",
                table: "ratings",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_RatingId",
                schema: "cases",
                table: "rectifications",
                column: "RatingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_UnitId_Status",
                schema: "cases",
                table: "rectifications",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_entries",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "library_files",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "offers",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "ratings",
                schema: "cases");

            migrationBuilder.DropTable(
                name: "rectifications",
                schema: "cases");
        }
    }
}
