using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Matters.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "matters_bundles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedContent = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    HasDraft = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Revision = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matters_bundles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "matters_matters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BasicCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ImplementationCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ImplementingUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImplementingUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ImplementingUnitCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    ImplementingUnitKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PublishedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    DraftVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Revision = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matters_matters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "matters_matter_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matters_matter_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_matters_matter_versions_matters_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_matters_bundles_Code_DivisionCode",
                table: "matters_bundles",
                columns: new[] { "Code", "DivisionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matters_matter_versions_MatterId_Number",
                table: "matters_matter_versions",
                columns: new[] { "MatterId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matters_matters_BasicCode_DivisionCode_ImplementingUnitId",
                table: "matters_matters",
                columns: new[] { "BasicCode", "DivisionCode", "ImplementingUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matters_matters_DivisionCode",
                table: "matters_matters",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_matters_matters_ImplementationCode",
                table: "matters_matters",
                column: "ImplementationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matters_matters_Name",
                table: "matters_matters",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_matters_matters_StandardId",
                table: "matters_matters",
                column: "StandardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "matters_bundles");

            migrationBuilder.DropTable(
                name: "matters_matter_versions");

            migrationBuilder.DropTable(
                name: "matters_matters");
        }
    }
}
