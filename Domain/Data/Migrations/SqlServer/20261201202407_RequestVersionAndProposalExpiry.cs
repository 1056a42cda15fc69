using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RequestVersionAndProposalExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ProposalExpiresAt",
                table: "ConsultationRequests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ConsultationRequests",
                type: "int",
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
