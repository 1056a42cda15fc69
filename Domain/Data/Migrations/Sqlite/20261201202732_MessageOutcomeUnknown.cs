using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MessageOutcomeUnknown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "OutcomeUnknownAt",
                table: "Messages",
                type: "INTEGER",
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
