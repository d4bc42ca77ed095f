using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Hotline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Knowledge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "KnowledgeArticleId",
                table: "hotline_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "KnowledgeArticleVersion",
                table: "hotline_tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hotline_knowledge_articles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CategoryCodes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MatterCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwnerDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_knowledge_articles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_KnowledgeArticleId",
                table: "hotline_tickets",
                column: "KnowledgeArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_knowledge_articles_Status_OwnerDivision",
                table: "hotline_knowledge_articles",
                columns: new[] { "Status", "OwnerDivision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotline_knowledge_articles");

            migrationBuilder.DropIndex(
                name: "IX_hotline_tickets_KnowledgeArticleId",
                table: "hotline_tickets");

            migrationBuilder.DropColumn(
                name: "KnowledgeArticleId",
                table: "hotline_tickets");

            migrationBuilder.DropColumn(
                name: "KnowledgeArticleVersion",
                table: "hotline_tickets");
        }
    }
}
