using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Domain.Data.Migrations.Sqlite
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
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailableAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HolderToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldUntil = table.Column<long>(type: "INTEGER", nullable: true)
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
