using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Hotline.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Merge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MergedCount",
                schema: "hotline",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                schema: "hotline",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_MergedIntoId",
                schema: "hotline",
                table: "tickets",
                column: "MergedIntoId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tickets_MergedIntoId",
                schema: "hotline",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "MergedCount",
                schema: "hotline",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                schema: "hotline",
                table: "tickets");
        }
    }
}
