using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RequestHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsultationChanges",
                columns: table => new
                {
                    ConsultationRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    What = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    By = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    TherapistId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationChanges", x => new { x.ConsultationRequestId, x.Version });
                    table.ForeignKey(
                        name: "FK_ConsultationChanges_ConsultationRequests_ConsultationRequestId",
                        column: x => x.ConsultationRequestId,
                        principalTable: "ConsultationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsultationChanges_Therapists_TherapistId",
                        column: x => x.TherapistId,
                        principalTable: "Therapists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_TherapistId_ClosedAt",
                table: "ConsultationRequests",
                columns: new[] { "TherapistId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationChanges_TherapistId",
                table: "ConsultationChanges",
                column: "TherapistId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationChanges");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_TherapistId_ClosedAt",
                table: "ConsultationRequests");
        }
    }
}
