using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeclaredPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_declared_permissions",
                columns: table => new
                {
                    Permission = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_declared_permissions", x => x.Permission);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_declared_permissions");
        }
    }
}
