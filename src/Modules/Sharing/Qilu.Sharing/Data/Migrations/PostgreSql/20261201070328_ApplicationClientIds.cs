using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Sharing.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ApplicationClientIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientIds",
                schema: "sharing",
                table: "applications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClientIds",
                schema: "sharing",
                table: "applications");
        }
    }
}
