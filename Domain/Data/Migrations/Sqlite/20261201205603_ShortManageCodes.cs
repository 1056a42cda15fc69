using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ShortManageCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ShortCode",
                table: "ConsultationRequests",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_ShortCode",
                table: "ConsultationRequests",
                column: "ShortCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_ShortCode",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "ShortCode",
                table: "ConsultationRequests");
        }
    }
}
