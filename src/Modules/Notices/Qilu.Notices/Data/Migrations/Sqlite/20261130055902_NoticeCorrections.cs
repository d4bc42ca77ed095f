using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Notices.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CorrectedAt",
                table: "notices_notices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notices_notice_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrectedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PreviousTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PreviousBody = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notices_notice_corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notices_notice_corrections_notices_notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "notices_notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notices_notice_corrections_NoticeId_Number",
                table: "notices_notice_corrections",
                columns: new[] { "NoticeId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notices_notice_corrections");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "notices_notices");
        }
    }
}
