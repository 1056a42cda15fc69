using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Intake.Domain.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MessageOutcomeUnknown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "OutcomeUnknownAt",
                table: "Messages",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OutcomeUnknownAt",
                table: "Messages");
        }
    }
}
