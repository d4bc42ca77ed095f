using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Hotline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Merge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MergedCount",
                table: "hotline_tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "hotline_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_MergedIntoId",
                table: "hotline_tickets",
                column: "MergedIntoId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_hotline_tickets_MergedIntoId",
                table: "hotline_tickets");

            migrationBuilder.DropColumn(
                name: "MergedCount",
                table: "hotline_tickets");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "hotline_tickets");
        }
    }
}
