using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Sharing.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MeteringFromAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "metering_cursor",
                schema: "sharing",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    NextSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_metering_cursor", x => x.Id);
                });

            migrationBuilder.InsertData(
                schema: "sharing",
                table: "metering_cursor",
                columns: new[] { "Id", "NextSequence" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "metering_cursor",
                schema: "sharing");
        }
    }
}
