using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Notices.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class NoticeCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CorrectedAt",
                schema: "notices",
                table: "notices",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notice_corrections",
                schema: "notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CorrectedAt = table.Column<long>(type: "bigint", nullable: false),
                    CorrectedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PreviousTitle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PreviousBody = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notice_corrections_notices_NoticeId",
                        column: x => x.NoticeId,
                        principalSchema: "notices",
                        principalTable: "notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_corrections_NoticeId_Number",
                schema: "notices",
                table: "notice_corrections",
                columns: new[] { "NoticeId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_corrections",
                schema: "notices");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                schema: "notices",
                table: "notices");
        }
    }
}
