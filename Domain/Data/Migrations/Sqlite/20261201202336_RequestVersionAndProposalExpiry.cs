using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestVersionAndProposalExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ProposalExpiresAt",
                table: "ConsultationRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ConsultationRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_Status_ProposalExpiresAt",
                table: "ConsultationRequests",
                columns: new[] { "Status", "ProposalExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_Status_ProposalExpiresAt",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "ProposalExpiresAt",
                table: "ConsultationRequests");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ConsultationRequests");
        }
    }
}
