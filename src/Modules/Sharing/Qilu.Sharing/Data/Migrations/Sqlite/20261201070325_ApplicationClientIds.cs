using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Sharing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicationClientIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientIds",
                table: "sharing_applications",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClientIds",
                table: "sharing_applications");
        }
    }
}
