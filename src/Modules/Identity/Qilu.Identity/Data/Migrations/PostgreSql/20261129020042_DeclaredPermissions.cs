using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Identity.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DeclaredPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "declared_permissions",
                schema: "identity",
                columns: table => new
                {
                    Permission = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_declared_permissions", x => x.Permission);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "declared_permissions",
                schema: "identity");
        }
    }
}
