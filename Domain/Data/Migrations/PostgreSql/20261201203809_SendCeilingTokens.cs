using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Intake.Domain.Data.Migrations.PostgreSql
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
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    AvailableAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    HolderToken = table.Column<Guid>(type: "uuid", nullable: true),
                    HeldUntil = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
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
