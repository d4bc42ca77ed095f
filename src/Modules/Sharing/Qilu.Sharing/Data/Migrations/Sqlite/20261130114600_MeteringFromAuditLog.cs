using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Sharing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeteringFromAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sharing_metering_cursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    NextSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_metering_cursor", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "sharing_metering_cursor",
                columns: new[] { "Id", "NextSequence" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sharing_metering_cursor");
        }
    }
}
