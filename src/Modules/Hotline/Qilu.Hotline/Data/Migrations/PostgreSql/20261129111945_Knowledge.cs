using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Hotline.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Knowledge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "KnowledgeArticleId",
                schema: "hotline",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "KnowledgeArticleVersion",
                schema: "hotline",
                table: "tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "knowledge_articles",
                schema: "hotline",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CategoryCodes = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MatterCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerDivision = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    PublishedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_articles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_KnowledgeArticleId",
                schema: "hotline",
                table: "tickets",
                column: "KnowledgeArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_articles_Status_OwnerDivision",
                schema: "hotline",
                table: "knowledge_articles",
                columns: new[] { "Status", "OwnerDivision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_articles",
                schema: "hotline");

            migrationBuilder.DropIndex(
                name: "IX_tickets_KnowledgeArticleId",
                schema: "hotline",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "KnowledgeArticleId",
                schema: "hotline",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "KnowledgeArticleVersion",
                schema: "hotline",
                table: "tickets");
        }
    }
}
