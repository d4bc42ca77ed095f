using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.OpenData.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ApplicationFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FieldsText",
                schema: "opendata",
                table: "applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FieldsText",
                schema: "opendata",
                table: "applications");
        }
    }
}
