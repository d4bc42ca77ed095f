using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.OpenData.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicationFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FieldsText",
                table: "opendata_applications",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FieldsText",
                table: "opendata_applications");
        }
    }
}
