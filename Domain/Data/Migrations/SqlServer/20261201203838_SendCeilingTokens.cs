using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SendCeilingTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SendTokens",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Slot = table.Column<int>(type: "int", nullable: false),
                    AvailableAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    HolderToken = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    HeldUntil = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendTokens", x => new { x.Channel, x.Slot });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SendTokens");
        }
    }
}
