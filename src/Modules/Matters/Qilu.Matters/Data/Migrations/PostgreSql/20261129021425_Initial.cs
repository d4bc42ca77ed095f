using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Matters.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "matters");

            migrationBuilder.CreateTable(
                name: "bundles",
                schema: "matters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    PublishedContent = table.Column<string>(type: "text", nullable: true),
                    PublishedVersion = table.Column<int>(type: "integer", nullable: false),
                    HasDraft = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bundles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "matters",
                schema: "matters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BasicCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    StandardId = table.Column<Guid>(type: "uuid", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ImplementationCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ImplementingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImplementingUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ImplementingUnitCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    ImplementingUnitKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PublishedVersion = table.Column<int>(type: "integer", nullable: true),
                    DraftVersion = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "matter_versions",
                schema: "matters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matter_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_matter_versions_matters_MatterId",
                        column: x => x.MatterId,
                        principalSchema: "matters",
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bundles_Code_DivisionCode",
                schema: "matters",
                table: "bundles",
                columns: new[] { "Code", "DivisionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matter_versions_MatterId_Number",
                schema: "matters",
                table: "matter_versions",
                columns: new[] { "MatterId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matters_BasicCode_DivisionCode_ImplementingUnitId",
                schema: "matters",
                table: "matters",
                columns: new[] { "BasicCode", "DivisionCode", "ImplementingUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matters_DivisionCode",
                schema: "matters",
                table: "matters",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_matters_ImplementationCode",
                schema: "matters",
                table: "matters",
                column: "ImplementationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matters_Name",
                schema: "matters",
                table: "matters",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_matters_StandardId",
                schema: "matters",
                table: "matters",
                column: "StandardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bundles",
                schema: "matters");

            migrationBuilder.DropTable(
                name: "matter_versions",
                schema: "matters");

            migrationBuilder.DropTable(
                name: "matters",
                schema: "matters");
        }
    }
}
